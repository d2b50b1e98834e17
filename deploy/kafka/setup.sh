#!/bin/sh
# Run once the compose broker is healthy (docker-compose.yml's kafka-setup service), as the admin: creates the
# product's topics (topics.txt) and gives each service's user exactly its ACLs (acls.txt). Safe to run again.
set -eu
here=/opt/practice-alerts
bin=/opt/kafka/bin
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
ssl.truststore.type=PEM
ssl.truststore.location=/kafka-ca/ca.crt
PROPERTIES
server=kafka:9093
grep -v '^#' "$here/topics.txt" | while read -r name partitions configs; do
  [ -n "$name" ] || continue
  set --
  for c in $configs; do set -- "$@" --config "$c"; done
  "$bin/kafka-topics.sh" --bootstrap-server "$server" --command-config /tmp/admin.properties --create \
    --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1 "$@"
done
grep -v '^#' "$here/acls.txt" | while read -r user type name pattern operations; do
  [ -n "$user" ] || continue
  case "$pattern" in prefix) pattern=prefixed ;; esac
  set --
  for op in $(echo "$operations" | tr ',' ' '); do set -- "$@" --operation "$op"; done
  "$bin/kafka-acls.sh" --bootstrap-server "$server" --command-config /tmp/admin.properties --add \
    --allow-principal "User:$user" "--$type" "$name" --resource-pattern-type "$pattern" "$@"
done
echo "topics and ACLs in place"
