import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each vendor's first documented request, through java.net.http, against the run's sandbox (SandboxExtension). */
@ExtendWith(SandboxExtension.class)
class SandboxTest {
    // HTTP/1.1, as the vendors' APIs are spoken: the client's default first offers an h2c upgrade, and the sandbox
    // leaves a connection that carried an Upgrade header unanswered for its next request (see README).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthNamesTheVersionAndCommit(URI sandbox) throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(sandbox.resolve("/__admin/health")));
        assertEquals(200, health.statusCode());
        assertTrue(health.body().matches(".*\"commit\":\"([0-9a-f]{40}|unknown)\".*"), health.body());
    }

    @Test
    void hyaltoTokenThenAccounts(URI sandbox) throws Exception {
        String keys = "{\"accessKey\":\"190.1fae4315-f50a-4c76-8213-1b9d79e43599\","
                + "\"secretKey\":\"a6e81199-5318-4c29-ae47-01190958356e\"}";
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        sandbox.resolve("/hyalto/accountManagement/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(keys)));
        assertEquals(200, token.statusCode());
        Matcher accessToken = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(token.body());
        assertTrue(accessToken.find(), token.body());
        HttpResponse<String> accounts = send(HttpRequest.newBuilder(
                        sandbox.resolve("/hyalto/accountManagement/accounts"))
                .header("Authorization", "Bearer " + accessToken.group(1)));
        assertEquals(200, accounts.statusCode());
        assertTrue(accounts.body().startsWith("[{"), accounts.body());
    }

    @Test
    void usageEngineToken(URI sandbox) throws Exception {
        String form = "grant_type=client_credentials&client_id=usage-engine-demo-client"
                + "&client_secret=usage-engine-demo-secret-0123456789abcdef"
                + "&audience=https%3A%2F%2Fapi.digitalroute.io%2F";
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        sandbox.resolve("/usage-engine/authentication/v1/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, token.statusCode());
        assertTrue(token.body().contains("\"token_type\":\"Bearer\""), token.body());
    }

    @Test
    void zyloSubscriptionsAndAWrongSecret(URI sandbox) throws Exception {
        URI subscriptions = sandbox.resolve("/zylo/v1/subscriptions");
        HttpResponse<String> page = send(HttpRequest.newBuilder(subscriptions)
                .header("Authorization", "Bearer zylo-demo-token:zylo-demo-secret"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("\"subscriptions\":[{"), page.body());
        HttpResponse<String> wrong =
                send(HttpRequest.newBuilder(subscriptions).header("Authorization", "Bearer zylo-demo-token:x"));
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void masonAggregate(URI sandbox) throws Exception {
        HttpResponse<String> usage = send(HttpRequest.newBuilder(sandbox.resolve(
                        "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z"))
                .header("Authorization", "basic mason-demo-key"));
        assertEquals(200, usage.statusCode());
        assertTrue(usage.body().contains("\"date\":\"2020-08-01T00:00:00Z\""), usage.body());
    }
}
