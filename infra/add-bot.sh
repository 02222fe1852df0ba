#!/usr/bin/env bash
# Adds a bot to a running wagw stack, or replaces its settings (README "Bots"): a fresh access key
# and callback secret (the secret in Secrets Manager, the key only as its SHA-256 in the bots table),
# then PUT /admin/bots/<id>, signed with your IAM credentials and carrying the admin key. The bot is
# served within BotsCacheSeconds (default 60 s). Prints the bot's Authorization header and callback
# secret once: hand them to the bot's developer.
# Usage: WAGW_ADMIN_KEY=... infra/add-bot.sh <stack> <bot id> <phone number id> <WABA id> \
#          <messages URL> <notifications URL>
set -euo pipefail
stack="${1:?stack}" id="${2:?bot id}" phone="${3:?phone number id}" waba="${4:?WABA id}"
messages="${5:?messages URL}" notifications="${6:?notifications URL}"
: "${WAGW_ADMIN_KEY:?set WAGW_ADMIN_KEY (printed by infra/secrets.sh)}"
region="$(aws configure get region || echo "${AWS_REGION:?set AWS_REGION}")"
api="$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text)"

access_key="$(openssl rand -hex 24)"
callback_secret="$(openssl rand -hex 32)"
secret="wagw/${stack}/bots/${id}/callback-secret"
if aws secretsmanager describe-secret --secret-id "$secret" >/dev/null 2>&1; then
  aws secretsmanager put-secret-value --secret-id "$secret" --secret-string "$callback_secret" >/dev/null
else
  aws secretsmanager create-secret --name "$secret" --secret-string "$callback_secret" >/dev/null
fi

body="$(printf '{"accessKeySha256":"%s","phoneNumberId":"%s","wabaId":"%s","messagesUrl":"%s","notificationsUrl":"%s","callbackSecretRef":"%s"}' \
  "$(printf %s "$access_key" | sha256sum | cut -d' ' -f1)" "$phone" "$waba" "$messages" "$notifications" "$secret")"
creds="$(aws configure export-credentials --format process)"
ak="$(printf %s "$creds" | sed -n 's/.*"AccessKeyId": *"\([^"]*\)".*/\1/p')"
sk="$(printf %s "$creds" | sed -n 's/.*"SecretAccessKey": *"\([^"]*\)".*/\1/p')"
token="$(printf %s "$creds" | sed -n 's/.*"SessionToken": *"\([^"]*\)".*/\1/p')"
curl -sS --fail-with-body --aws-sigv4 "aws:amz:${region}:execute-api" --user "${ak}:${sk}" \
  ${token:+-H "x-amz-security-token: ${token}"} -H "X-Wagw-Admin-Key: ${WAGW_ADMIN_KEY}" \
  -H 'Content-Type: application/json' -X PUT -d "$body" "${api}/admin/bots/${id}"
echo
echo "Authorization: Key $(printf '%s:%s' "$id" "$access_key" | base64 -w0)"
echo "callback secret (X-Wagw-Signature-256): ${callback_secret}"
