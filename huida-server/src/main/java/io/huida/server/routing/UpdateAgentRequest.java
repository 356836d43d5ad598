package io.huida.server.routing;

import java.util.List;

/**
 * A supervisor's change to an agent's profile; absent fields keep their value.
 *
 * @param displayName   up to 100 characters
 * @param team          up to 100 characters; blank clears it
 * @param skills        up to 20 distinct skills of up to 50 characters each
 * @param maxConcurrent 1..50
 * @param vipDedicated  serve only VIP customers
 */
public record UpdateAgentRequest(String displayName, String team, List<String> skills, Integer maxConcurrent,
                                 Boolean vipDedicated) {
}
