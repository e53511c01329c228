// Readiness probe for the local test broker (used by scripts/kafka.sh).
//
// Run with the broker's own jars on the class path (Java source-file mode):
//   java -cp "<cache>/kafka/lib/*" deploy/kafka/KafkaReady.java 127.0.0.1:9092 60
//
// Retries until the broker answers a DescribeCluster and a ListTopics request
// (i.e. it has joined the KRaft quorum, is unfenced and serves metadata), or
// until the timeout (seconds) expires. Exit code 0 = ready, 1 = not ready.

import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

public class KafkaReady {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: KafkaReady <bootstrap host:port> <timeout seconds>");
            System.exit(2);
        }
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mungmo-kafka-ready");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");

        String lastError = "no answer";
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    DescribeClusterResult cluster = admin.describeCluster();
                    Collection<Node> nodes = cluster.nodes().get(5, TimeUnit.SECONDS);
                    String clusterId = cluster.clusterId().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        int topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).size();
                        System.out.printf("kafka ready: cluster %s, %d broker(s), %d topic(s)%n",
                                clusterId, nodes.size(), topics);
                        return;
                    }
                    lastError = "cluster has no live brokers yet";
                } catch (ExecutionException e) {
                    lastError = String.valueOf(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    lastError = "request timed out";
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("kafka not ready at " + bootstrap + ": " + lastError);
                    System.exit(1);
                }
                Thread.sleep(500);
            }
        }
    }
}
