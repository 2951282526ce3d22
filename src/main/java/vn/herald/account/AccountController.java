package vn.herald.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;

@Controller("/api/users")
@Secured("ADMIN")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Get
    ItemList<Accounts.Account> list() {
        return ItemList.of(accounts.list());
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Accounts.Account me(Authentication authentication) {
        return accounts.get(authentication.getName());
    }

    @Get("/{username}")
    Accounts.Account get(String username) {
        return accounts.get(username);
    }

    @Post
    HttpResponse<Accounts.Account> create(@Body Accounts.AccountForm form) {
        return HttpResponse.created(accounts.create(form));
    }

    @Put("/{username}")
    Accounts.Account update(String username, @Body Accounts.AccountForm form) {
        return accounts.update(username, form);
    }

    /** Logs the user out everywhere: every page login of theirs stops working on every instance. */
    @Post("/{username}/sessions/end")
    Accounts.EndedSessions endSessions(String username) {
        return accounts.endSessions(username, Sessions.EndReason.ENDED_BY_ADMIN);
    }

    /** The caller's own "log out everywhere". */
    @Post("/me/sessions/end")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Accounts.EndedSessions endOwnSessions(Authentication authentication) {
        return accounts.endSessions(authentication.getName(), Sessions.EndReason.ENDED_BY_USER);
    }
}
