#!/bin/sh
# The compose broker's command: fills in server.properties from the environment, formats the storage on first start
# with a SCRAM-SHA-512 credential for the admin and for each service, and starts Kafka. Passwords come from the
# environment (docker-compose.yml), never from the image.
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_TLS_PASSWORD:?}" "${CLUSTER_ID:?}"
config=/tmp/server.properties
sed -e "s|@ADMIN_PASSWORD@|$KAFKA_ADMIN_PASSWORD|" -e "s|@TLS_PASSWORD@|$KAFKA_TLS_PASSWORD|g" \
  -e "s|@TLS_DIR@|/tls|g" -e "s|@DATA_DIR@|/var/lib/kafka/data|" /opt/practice-alerts/server.properties > "$config"
# What the healthcheck and the setup job sign in with.
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=/tls/ca.crt
PROPERTIES
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=alert-service,password=${ALERT_SERVICE_KAFKA_PASSWORD:?}]" \
    --add-scram "SCRAM-SHA-512=[name=escalation-service,password=${ESCALATION_SERVICE_KAFKA_PASSWORD:?}]" \
    --add-scram "SCRAM-SHA-512=[name=notification-service,password=${NOTIFICATION_SERVICE_KAFKA_PASSWORD:?}]" \
    --add-scram "SCRAM-SHA-512=[name=reporting-service,password=${REPORTING_SERVICE_KAFKA_PASSWORD:?}]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
