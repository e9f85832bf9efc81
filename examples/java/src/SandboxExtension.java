import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One sandbox for the whole test run: started the first time a test asks for its URL ({@code URI sandbox}
 * parameter), stopped by JUnit when the run ends, because it lives in the root context's store as a
 * {@link ExtensionContext.Store.CloseableResource}.
 *
 * <pre>{@code
 * @ExtendWith(SandboxExtension.class)
 * class MyTest { @Test void works(URI sandbox) { ... sandbox.resolve("/zylo/v1/subscriptions") ... } }
 * }</pre>
 */
public final class SandboxExtension implements ParameterResolver {
    /** The running sandbox: its process and the URL from its {@code listening on} line. */
    static final class Sandbox implements ExtensionContext.Store.CloseableResource {
        final Process process;
        final URI url;

        Sandbox(String binary) throws IOException {
            process = new ProcessBuilder(binary, "serve", "--port", "0", "--db", ":memory:")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening on ")) {
                process.destroyForcibly();
                throw new IOException("the sandbox did not start: " + line);
            }
            url = URI.create(line.substring("listening on ".length()).trim());
            Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}), "sandbox-stdout");
            drain.setDaemon(true);
            drain.start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM to this process, by its pid
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    /** $USAGE_SANDBOX, else the release artefact, else the debug build, else usage-sandbox on the PATH. */
    static String binary() {
        String configured = System.getenv("USAGE_SANDBOX");
        if (configured != null && !configured.isEmpty()) return configured;
        for (String candidate : new String[] {"dist/usage-sandbox", ".build/debug/usage-sandbox"}) {
            if (new File(candidate).canExecute()) return candidate;
        }
        return "usage-sandbox";
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Sandbox.class, key -> {
            try {
                return new Sandbox(binary());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, Sandbox.class).url;
    }
}
