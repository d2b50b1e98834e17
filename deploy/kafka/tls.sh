#!/bin/sh
# Makes the compose broker's TLS material once (docker-compose.yml's kafka-tls service; ComposeKafkaSecurityTest
# runs it too): a private CA, the broker's key and certificate signed by it (for the names "kafka" and "localhost"),
# and the CA's certificate on its own for clients. Keys stay in $1 (the broker's volume); only ca.crt is copied to
# $2 (the volume the services mount read-only). Needs keytool (any Java) and KAFKA_TLS_PASSWORD; KAFKA_TLS_OWNER
# (uid:gid), when set, is given the broker's files.
set -eu
broker_dir=$1
public_dir=$2
: "${KAFKA_TLS_PASSWORD:?set KAFKA_TLS_PASSWORD}"
mkdir -p "$broker_dir" "$public_dir"
own() {
  # The broker's user must read its keys (compose runs this job as root and the broker as the image's user).
  if [ -n "${KAFKA_TLS_OWNER:-}" ]; then chown -R "$KAFKA_TLS_OWNER" "$broker_dir"; fi
}
if [ -f "$broker_dir/broker.p12" ] && [ -f "$public_dir/ca.crt" ]; then
  own
  echo "Kafka TLS material already in $broker_dir"
  exit 0
fi
cd "$broker_dir"
rm -f ca.p12 broker.p12 broker.csr broker.crt ca.crt
p=$KAFKA_TLS_PASSWORD
keytool -genkeypair -noprompt -alias ca -dname "CN=practice-alerts Kafka CA" -keyalg RSA -keysize 3072 -validity 3650 \
  -ext bc:c -keystore ca.p12 -storetype PKCS12 -storepass "$p"
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass "$p" -file ca.crt
keytool -genkeypair -noprompt -alias kafka -dname "CN=kafka" -keyalg RSA -keysize 3072 -validity 825 \
  -keystore broker.p12 -storetype PKCS12 -storepass "$p"
keytool -certreq -alias kafka -keystore broker.p12 -storepass "$p" -file broker.csr
keytool -gencert -rfc -alias ca -keystore ca.p12 -storepass "$p" -infile broker.csr -outfile broker.crt -validity 825 \
  -ext "SAN=dns:kafka,dns:localhost" -ext "EKU=serverAuth"
keytool -importcert -noprompt -alias ca -keystore broker.p12 -storepass "$p" -file ca.crt
keytool -importcert -noprompt -alias kafka -keystore broker.p12 -storepass "$p" -file broker.crt
rm -f broker.csr broker.crt
cp ca.crt "$public_dir/ca.crt"
chmod 600 ca.p12 broker.p12
chmod 644 "$public_dir/ca.crt"
own
echo "Kafka TLS material made in $broker_dir (CA certificate in $public_dir/ca.crt)"
