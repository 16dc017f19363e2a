#!/bin/sh
# Runs the process named by $SERVICE; exec so that node receives SIGTERM directly.
set -e
case "$SERVICE" in
  gateway) exec node dist/gateway/src/index.js ;;
  member|points|benefits|campaign|risk) exec node "dist/services/$SERVICE/src/index.js" ;;
  migrate) exec node dist/scripts/migrate.js ;;
  *) echo "SERVICE must be gateway, member, points, benefits, campaign, risk or migrate; got '$SERVICE'" >&2; exit 2 ;;
esac
