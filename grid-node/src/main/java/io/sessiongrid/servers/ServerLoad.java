package io.sessiongrid.servers;

/**
 * What a server carries, for the scaling engine and for drains.
 *
 * @param serverId           the server
 * @param connections        connections it owns
 * @param recentRequestRate  requests per second its own tracker recorded for them over the last flush interval
 *                           (reports made on its behalf by other processes count in the predicted rate only)
 * @param predictedRate      sum of its connections' predicted request rates (analyzer health scores)
 * @param scoredConnections  connections that have a health score yet
 * @param meanHealthScore    mean health score (0-100) of the scored connections, or {@code NaN} when none
 */
public record ServerLoad(String serverId, int connections, double recentRequestRate, double predictedRate,
                         int scoredConnections, double meanHealthScore) {
}
