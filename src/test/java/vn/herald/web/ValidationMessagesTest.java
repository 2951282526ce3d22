package vn.herald.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed constraint says what is wrong in Vietnamese, from the message bundle, with its numbers filled in. */
@MicronautTest(transactional = false)
class ValidationMessagesTest {

    @Introspected
    record Notice(@NotBlank String title, @Size(min = 2, max = 3) String code) {}

    @Inject Validator validator;

    @Test
    void aBlankTitleAndAnOverLongCodeAreRefusedInVietnamese() {
        Map<String, String> said = new TreeMap<>();
        for (ConstraintViolation<Notice> violation : validator.validate(new Notice(" ", "dài quá"))) {
            said.put(violation.getPropertyPath().toString(), violation.getMessage());
        }
        assertEquals(Map.of("title", "không được để trống", "code", "phải có từ 2 đến 3 phần tử hoặc ký tự"), said);
    }
}
