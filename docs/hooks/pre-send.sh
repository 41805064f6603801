#!/bin/sh
# Pre-send hook for a helpdesk: the draft reply arrives on stdin; exit 1 blocks sending.
#
#   pre-send.sh TICKET_ID [INQUIRY_FILE] < draft.txt
#
# TICKET_ID names the draft in replylint's output (and, if tickets/TICKET_ID.inquiry.txt
# exists, that file is the customer's message). INQUIRY_FILE, when given, is the customer's
# message; otherwise replylint looks for the quoted original inside the draft.
# REPLYLINT overrides the command (default: replylint on PATH).
set -u

ticket=${1:?usage: pre-send.sh TICKET_ID [INQUIRY_FILE] < draft.txt}
inquiry=${2:-}
set -- --stdin-filename "tickets/$ticket.txt"
if [ -n "$inquiry" ]; then set -- "$@" --inquiry "$inquiry"; fi

${REPLYLINT:-replylint} "$@" >&2
status=$?

case $status in
  0) exit 0 ;; # clean, or warnings only: send
  1) echo "pre-send: fix the errors above before sending this reply" >&2; exit 1 ;;
  *) # usage, I/O or config error: do not block the agent because the checker failed
     echo "pre-send: replylint could not check this draft (exit $status); not blocking" >&2; exit 0 ;;
esac
