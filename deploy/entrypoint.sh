#!/bin/sh
# Runs the process named by $SERVICE. `exec` replaces this shell with node, so node is PID 1 and
# receives SIGTERM directly (it drains HTTP and gRPC, then closes its database). Extra arguments
# go to the script, e.g. `docker run -e SERVICE=migrate … membergraph member points`.
# Absolute paths: the processes find proto/ and schemas/ from their own location, not the cwd.
set -e
case "$SERVICE" in
  gateway) exec node /app/dist/gateway/src/index.js "$@" ;;
  member | points | benefits | campaign | risk) exec node "/app/dist/services/$SERVICE/src/index.js" "$@" ;;
  # One-off tasks from the same image (deploy pipelines, CronJobs).
  migrate) exec node /app/dist/scripts/migrate.js "$@" ;;
  expire-points) exec node /app/dist/services/points/src/jobs/expire.js "$@" ;;
  reevaluate-tiers) exec node /app/dist/services/points/src/jobs/reevaluateTiers.js "$@" ;;
  *)
    echo "SERVICE must be gateway, member, points, benefits, campaign or risk (or migrate, expire-points, reevaluate-tiers); got '$SERVICE'" >&2
    exit 2
    ;;
esac
