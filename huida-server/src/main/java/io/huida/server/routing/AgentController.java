package io.huida.server.routing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * Agents' own API ({@code /api/v1/agent/**}: agents, supervisors, admins) and the supervisors' view of agents
 * ({@code /api/v1/supervisor/**}). The principal's name is the agent's username.
 */
@RestController
class AgentController {

    /** Body of a status change: ONLINE, AWAY or OFFLINE. */
    record StatusRequest(String status) {
    }

    private final Agents agents;
    private final Router router;

    AgentController(Agents agents, Router router) {
        this.agents = agents;
        this.router = router;
    }

    @GetMapping("/api/v1/supervisor/agents")
    List<AgentView> all() {
        return agents.all();
    }

    @PutMapping("/api/v1/supervisor/agents/{username}")
    AgentView update(@PathVariable String username, @RequestBody UpdateAgentRequest request) {
        return agents.update(username, request);
    }

    @GetMapping("/api/v1/agent/me")
    AgentDeskView me(Principal principal) {
        return agents.desk(principal.getName());
    }

    @PutMapping("/api/v1/agent/me/status")
    AgentView status(@RequestBody StatusRequest request, Principal principal) {
        return agents.setStatus(principal.getName(), AgentStatus.parse(request.status()));
    }

    @PostMapping("/api/v1/agent/conversations/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, Principal principal) {
        if (!router.accept(id, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "conversation '" + id + "' is not assigned to "
                    + principal.getName());
        }
        return Map.of("conversationId", id, "accepted", true);
    }

    @PostMapping("/api/v1/agent/conversations/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, Principal principal) {
        if (!router.decline(id, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "conversation '" + id + "' is not waiting for "
                    + principal.getName() + " to accept it");
        }
        return Map.of("conversationId", id, "declined", true);
    }
}
