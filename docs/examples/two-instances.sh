#!/usr/bin/env bash
# Two Ordo instances on ports 8081 and 8082, sharing one PostgreSQL.
#
#   docs/examples/two-instances.sh            # uses ORDO_DB_URL/USER/PASSWORD if set, else starts a throwaway PostgreSQL
#   STOP_AFTER_DEMO=1 docs/examples/two-instances.sh   # run the demo and stop everything again
#
# Logs go to target/example/. Ctrl-C stops the instances (and the throwaway PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/../.."
logs=target/example
mkdir -p "$logs"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

./mvnw -B -q -DskipTests package

if [ -z "${ORDO_DB_URL:-}" ]; then
  echo "no ORDO_DB_URL: starting a throwaway PostgreSQL on port 15432 (binaries from the embedded-postgres test jar)"
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$logs/classpath.txt"
  java -cp "target/test-classes:$(cat "$logs/classpath.txt")" io.ordo.support.LocalPostgres 15432 > "$logs/postgres.log" 2>&1 &
  pids+=($!)
  until grep -qs "PostgreSQL ready" "$logs/postgres.log"; do sleep 1; done
  export ORDO_DB_URL=jdbc:postgresql://localhost:15432/ordo ORDO_DB_USER=ordo ORDO_DB_PASSWORD=ordo
fi

# the postgres profile has no default passwords: choose them here
export ORDO_ADMIN_PASSWORD="${ORDO_ADMIN_PASSWORD:-admin}" ORDO_CLERK_PASSWORD="${ORDO_CLERK_PASSWORD:-clerk}"
auth="clerk:$ORDO_CLERK_PASSWORD"
# nor a key to sign the ledger's checkpoints with: one for both instances (docs/integrity.md)
export ORDO_INTEGRITY_SIGNING_KEY_PEM="${ORDO_INTEGRITY_SIGNING_KEY_PEM:-$(openssl genpkey -algorithm ed25519)}"

for n in 1 2; do
  SPRING_PROFILES_ACTIVE=postgres ORDO_CLUSTER_NODE_ID="ordo-$n" SERVER_PORT="808$n" \
    java -jar target/ordo.jar > "$logs/ordo-$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do
  until curl -sf "http://localhost:808$n/actuator/health" > /dev/null; do sleep 1; done
  echo "ordo-$n is up on http://localhost:808$n"
done

echo "register a product, place an order through ordo-1, confirm it through ordo-2, read it back through ordo-1:"
curl -s -u "$auth" -X POST localhost:8081/api/products -H 'Content-Type: application/json' \
  -d '{"productId": "sku-1", "name": "Mug", "unitPrice": 9.50, "currency": "EUR", "initialStock": 100}'
echo
curl -s -u "$auth" -X POST localhost:8081/api/orders -H 'Content-Type: application/json' -d '{
  "orderId": "example-1", "customerId": "customer-1", "currency": "EUR",
  "lines": [{"productId": "sku-1", "productName": "Mug", "quantity": 2, "unitPrice": 9.50}],
  "shippingAddress": {"name": "Ada", "street": "1 Main St", "postalCode": "1000", "city": "Brussels", "country": "BE"}}'
echo
curl -s -u "$auth" -X POST localhost:8082/api/orders/example-1/confirm
echo
curl -s -u "$auth" "localhost:8081/api/orders/example-1?minVersion=1"
echo
sleep 3
echo "how the instances share the event processors:"
grep -h "instance(s) share" "$logs"/ordo-*.log | tail -2

if [ -n "${STOP_AFTER_DEMO:-}" ]; then exit 0; fi
echo "running; Ctrl-C stops both instances"
wait
