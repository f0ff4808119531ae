package io.tessera.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.InvalidChange;
import io.tessera.identity.IssuedToken;
import io.tessera.identity.SignedInAgent;

/** The agent's own profile: who they are, their password, their personal API tokens, signing out everywhere. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final AgentManagement agents;
    private final ApiTokens tokens;

    ProfileController(AgentManagement agents, ApiTokens tokens) {
        this.agents = agents;
        this.tokens = tokens;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return page(me, model, Map.of(), "");
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal SignedInAgent me,
                       Model model, RedirectAttributes redirect) {
        try {
            IssuedToken issued = tokens.create(me.id(), name, me.initiator());
            redirect.addFlashAttribute("flash", "API token \"" + issued.token().name() + "\" created.");
            redirect.addFlashAttribute("flashSecretLabel",
                    "Your new API token. Copy it now: Tessera keeps only a hash and cannot show it again.");
            redirect.addFlashAttribute("flashSecret", issued.secret());
            return "redirect:/profile";
        } catch (InvalidChange e) {
            return page(me, model, Map.of("tokenName", e.getMessage()), name);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id, me.initiator());
        redirect.addFlashAttribute("flash", "API token revoked.");
        return "redirect:/profile";
    }

    @PostMapping("/sign-out-everywhere")
    String signOutEverywhere(@RequestParam(defaultValue = "false") boolean revokeTokens,
                             @AuthenticationPrincipal SignedInAgent me, HttpServletRequest request,
                             HttpServletResponse response) {
        agents.signOutEverywhere(me.id(), revokeTokens, me.initiator());
        return SignOut.thisBrowser(request, response);
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        try {
            agents.changeOwnPassword(me.id(), currentPassword, newPassword);
            redirect.addFlashAttribute("flash", "Password changed.");
            return "redirect:/profile";
        } catch (InvalidChange e) {
            return page(me, model, Map.of(e.field(), e.getMessage()), "");
        }
    }

    private String page(SignedInAgent me, Model model, Map<String, String> fieldErrors, String tokenName) {
        model.addAttribute("agent", agents.get(me.id()));
        model.addAttribute("tokens", tokens.list(me.id()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("tokenName", tokenName);
        return "identity/profile";
    }
}
