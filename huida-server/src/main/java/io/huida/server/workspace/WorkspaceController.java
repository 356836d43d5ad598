package io.huida.server.workspace;

import io.huida.engine.safety.ComplianceResult;
import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.Conversation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The agent workspace's API: {@code /api/v1/agent/**} for agents (and supervisors), {@code /api/v1/supervisor/**}
 * for supervisors.
 */
@RestController
class WorkspaceController {

    private final WorkspaceService workspace;
    private final AgentAssist assist;
    private final CannedReplies canned;

    WorkspaceController(WorkspaceService workspace, AgentAssist assist, CannedReplies canned) {
        this.workspace = workspace;
        this.assist = assist;
        this.canned = canned;
    }

    record Send(String text, String clientId) {
    }

    record Resolve(String wrapUp, String note) {
    }

    record Transfer(String to, String team, String note) {
    }

    record Draft(String text) {
    }

    record NewCanned(String shortcut, String title, String text) {
    }

    /** The waiting conversations (VIPs first) and the caller's own. */
    record Lists(List<Conversation> queue, List<Conversation> mine) {
    }

    @GetMapping("/api/v1/agent/conversations")
    Lists lists(Authentication who) {
        return new Lists(workspace.queue(who.getName(), supervisor(who)), workspace.mine(who.getName()));
    }

    /** Every live conversation, for supervisors. */
    @GetMapping("/api/v1/supervisor/conversations")
    List<Conversation> live() {
        return workspace.live();
    }

    @GetMapping("/api/v1/agent/conversations/{id}")
    WorkspaceService.View view(@PathVariable String id, Authentication who) {
        allowed(id, who);
        return workspace.view(id);
    }

    private void allowed(String id, Authentication who) {
        if (!workspace.canView(id, who.getName(), supervisor(who))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "conversation '" + id + "' belongs to another team");
        }
    }

    @PostMapping("/api/v1/agent/conversations/{id}/messages")
    ChatEntry send(@PathVariable String id, @RequestBody Send body, Authentication who) {
        return workspace.send(id, who.getName(), body == null ? null : body.text(), body == null ? null : body.clientId());
    }

    @PostMapping("/api/v1/agent/conversations/{id}/resolve")
    Conversation resolve(@PathVariable String id, @RequestBody Resolve body, Authentication who) {
        return workspace.resolve(id, who.getName(), body == null ? null : body.wrapUp(), body == null ? null : body.note(),
                supervisor(who));
    }

    @PostMapping("/api/v1/agent/conversations/{id}/transfer")
    Conversation transfer(@PathVariable String id, @RequestBody Transfer body, Authentication who) {
        return workspace.transfer(id, who.getName(), body == null ? null : body.to(), body == null ? null : body.team(),
                body == null ? null : body.note(),
                supervisor(who));
    }

    /** Knowledge-base answers for the customer's latest message (or for {@code text}). */
    @GetMapping("/api/v1/agent/assist")
    List<AgentAssist.Suggestion> suggest(@RequestParam(required = false) String conversationId,
                                         @RequestParam(required = false) String text, Authentication who) {
        String about = text;
        if (about == null && conversationId != null) {
            allowed(conversationId, who);
            about = workspace.view(conversationId).messages().stream().filter(m -> m.sender().equals("customer"))
                    .reduce((a, b) -> b).map(ChatEntry::text).orElse(null);
        }
        return assist.suggest(about, "web");
    }

    /** The compliance check of a draft before it is sent. */
    @PostMapping("/api/v1/agent/compliance")
    ComplianceResult check(@RequestBody Draft body) {
        return assist.check(body == null ? null : body.text());
    }

    @GetMapping("/api/v1/agent/canned")
    List<CannedReplies.Canned> canned() {
        return canned.all();
    }

    @PostMapping("/api/v1/supervisor/canned")
    CannedReplies.Canned addCanned(@RequestBody NewCanned body, Authentication who) {
        if (body == null) {
            throw new IllegalArgumentException("body required: {\"shortcut\", \"title\", \"text\"}");
        }
        return canned.add(body.shortcut(), body.title(), body.text(), who.getName());
    }

    @DeleteMapping("/api/v1/supervisor/canned/{id}")
    void removeCanned(@PathVariable long id) {
        if (!canned.remove(id)) {
            throw new io.huida.server.knowledge.NotFoundException("canned reply " + id + " does not exist");
        }
    }

    @PostMapping("/api/v1/supervisor/conversations/{id}/takeover")
    Conversation takeOver(@PathVariable String id, Authentication who) {
        return workspace.takeOver(id, who.getName());
    }

    private static boolean supervisor(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
    }
}
