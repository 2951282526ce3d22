package vn.herald;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import vn.herald.account.Accounts;
import vn.herald.account.Role;

import java.util.EnumSet;

/** The people of the tests: an editor, an approver and the first-start admin. */
public final class TestUsers {

    public static final String PASSWORD = "password-of-a-tester";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private TestUsers() {}

    public static void ensure(Accounts accounts) {
        if (accounts.list().stream().noneMatch(a -> a.username().equals("bien-tap"))) {
            accounts.create(new Accounts.AccountForm("bien-tap", "Nguyễn Thị Biên Tập", PASSWORD, EnumSet.of(Role.EDITOR), null, true));
            accounts.create(new Accounts.AccountForm("duyet", "Trần Văn Duyệt", PASSWORD, EnumSet.of(Role.APPROVER), null, true));
        }
    }

    public static <T> MutableHttpRequest<T> asEditor(MutableHttpRequest<T> request) {
        return request.basicAuth("bien-tap", PASSWORD);
    }

    public static <T> MutableHttpRequest<T> asApprover(MutableHttpRequest<T> request) {
        return request.basicAuth("duyet", PASSWORD);
    }

    public static <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request) {
        return request.basicAuth("admin", ADMIN_PASSWORD);
    }

    public static MutableHttpRequest<?> get(String uri) {
        return HttpRequest.GET(uri);
    }
}
