#!/bin/sh
# Runs the process named by $SERVICE. `exec` replaces this shell with node, so node is PID 1 and
# receives SIGTERM directly (it drains HTTP and gRPC, then closes its database). Extra arguments
# go to the script, e.g. `docker run -e SERVICE=migrate … membergraph member points`.
# Absolute paths: the processes find proto/ and schemas/ from their own location, not the cwd.
set -e
# gRPC mutual TLS from a mounted certificate (deploy/k8s mounts the optional Secret
# membergraph-grpc-tls here, with the keys cert-manager writes: ca.crt, tls.crt, tls.key). Any of
# the three present turns TLS on; one missing then stops the start with its name, never falls back
# to plaintext. GRPC_TLS_CA/CERT/KEY set explicitly take precedence; no files and no variables: plaintext.
GRPC_TLS_DIR="${GRPC_TLS_DIR:-/etc/membergraph/grpc-tls}"
if [ -z "$GRPC_TLS_CA$GRPC_TLS_CERT$GRPC_TLS_KEY" ] &&
  { [ -e "$GRPC_TLS_DIR/ca.crt" ] || [ -e "$GRPC_TLS_DIR/tls.crt" ] || [ -e "$GRPC_TLS_DIR/tls.key" ]; }; then
  export GRPC_TLS_CA="$GRPC_TLS_DIR/ca.crt" GRPC_TLS_CERT="$GRPC_TLS_DIR/tls.crt" GRPC_TLS_KEY="$GRPC_TLS_DIR/tls.key"
fi
case "$SERVICE" in
  gateway) exec node /app/dist/gateway/src/index.js "$@" ;;
  member | points | benefits | campaign | risk) exec node "/app/dist/services/$SERVICE/src/index.js" "$@" ;;
  # One-off tasks from the same image (deploy pipelines, CronJobs).
  migrate) exec node /app/dist/scripts/migrate.js "$@" ;;
  expire-points) exec node /app/dist/services/points/src/jobs/expire.js "$@" ;;
  reevaluate-tiers) exec node /app/dist/services/points/src/jobs/reevaluateTiers.js "$@" ;;
  retrain-risk-models) exec node /app/dist/services/risk/src/jobs/retrainModels.js "$@" ;;
  evaluate-risk-models) exec node /app/dist/services/risk/src/jobs/evaluateModels.js "$@" ;;
  birthday-benefits) exec node /app/dist/services/benefits/src/jobs/birthdays.js "$@" ;;
  *)
    echo "SERVICE must be gateway, member, points, benefits, campaign or risk (or migrate, expire-points, reevaluate-tiers, retrain-risk-models, evaluate-risk-models, birthday-benefits); got '$SERVICE'" >&2
    exit 2
    ;;
esac
