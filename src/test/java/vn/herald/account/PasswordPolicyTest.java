package vn.herald.account;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelveToSixtyFourCharactersCountedAsLettersNotBytes() {
        assertEquals(Optional.of(PasswordPolicy.Problem.LENGTH), policy.check("ngan-qua-11"));
        assertEquals(Optional.empty(), policy.check("đủ-mười-hai"+ "!"));
        assertEquals(Optional.empty(), policy.check("ờ".repeat(63) + "a"), "64 letters of 3 bytes each are 64 characters");
        assertEquals(Optional.of(PasswordPolicy.Problem.LENGTH), policy.check("ab".repeat(32) + "c"));
        assertEquals(Optional.of(PasswordPolicy.Problem.LENGTH), policy.check(null));
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertEquals(Optional.of(PasswordPolicy.Problem.ONE_CHARACTER), policy.check("aaaaaaaaaaaaaa"));
        assertEquals(Optional.of(PasswordPolicy.Problem.ONE_CHARACTER), policy.check("111111111111"));
        assertEquals(Optional.of(PasswordPolicy.Problem.ONE_CHARACTER), policy.check("đđđđđđđđđđđđđđđđ"));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[]{"matkhau123456", "MatKhau123456", "123456789012", "1234567890123", "anhyeuem123456",
                "qwertyuiop123", "password1234", "admin@123456", "vietnam12345"}) {
            assertEquals(Optional.of(PasswordPolicy.Problem.COMMON), policy.check(common), common);
        }
        assertEquals(Optional.empty(), policy.check("Bản tin sáng thứ Hai lúc sáu giờ"));
    }

    @Test
    void everyRefusalReadsInVietnamese() {
        assertEquals("Mật khẩu phải có từ 12 đến 64 ký tự.", PasswordPolicy.error(PasswordPolicy.Problem.LENGTH).message());
        assertEquals("Mật khẩu không được chỉ là một ký tự lặp lại.", PasswordPolicy.error(PasswordPolicy.Problem.ONE_CHARACTER).message());
    }
}
