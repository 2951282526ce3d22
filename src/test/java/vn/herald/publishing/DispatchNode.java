package vn.herald.publishing;

import io.micronaut.context.ApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One Herald dispatcher in a JVM of its own, for {@link DispatchCluster#startProcesses}: started with the cluster's
 * settings file and an instance name, it prints {@link #READY}, starts dispatching when it reads {@link #GO}, and
 * stops when its input ends.
 */
final class DispatchNode {

    static final String READY = "DISPATCH-NODE-READY";
    static final String GO = "go";

    public static void main(String[] args) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(in);
        }
        Map<String, Object> settings = new HashMap<>();
        properties.forEach((key, value) -> settings.put((String) key, value));
        settings.put("herald.publishing.instance-name", args[1]);
        ApplicationContext context = ApplicationContext.run(settings, "test");
        System.out.println(READY);
        System.out.flush();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals(GO)) {
                context.getBean(PublicationQueue.class).start();
            }
        }
        context.close();
        System.exit(0);
    }

    private DispatchNode() {
    }
}
