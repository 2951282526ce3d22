package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.herald.account.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * The model every page shares: who is logged in and what they may do. The flags only decide what is shown; each
 * action checks the role again on the server.
 */
final class Page {

    private Page() {
    }

    static Map<String, Object> model(@Nullable Authentication user, String nav) {
        Map<String, Object> model = new HashMap<>();
        model.put("nav", nav);
        if (user != null) {
            Object displayName = user.getAttributes().get("displayName");
            model.put("userName", displayName == null ? user.getName() : displayName.toString());
            model.put("isEditor", user.getRoles().contains(Role.EDITOR.name()));
            model.put("isApprover", user.getRoles().contains(Role.APPROVER.name()));
            model.put("isAdmin", user.getRoles().contains(Role.ADMIN.name()));
            model.put("isContributor", user.getRoles().contains(Role.CONTRIBUTOR.name()));
            // only a contributor: the plans are all they reach (ContributorScope), so the menu shows only them
            model.put("contributorOnly", user.getRoles().size() == 1 && user.getRoles().contains(Role.CONTRIBUTOR.name()));
        }
        return model;
    }

    static ModelAndView<Map<String, Object>> view(String name, Map<String, Object> model) {
        return new ModelAndView<>(name, model);
    }
}
