# SPEC §13: the edge's per-IP rate-based rule. The product limits (guest sign-up, OTP, messages, …) are
# decided in Postgres per key; this rule only keeps one address's flood from reaching Cloud Run and the
# database at all, so its numbers are generous:
# - Cloud Armor counts per backend service (one per function here), per client IP, per minute.
# - Indonesian mobile carriers put many subscribers behind one IPv4 (carrier-grade NAT). An app in a chat
#   makes about one call every 5 s (messages refill at 1/s, typing and receipts are a few a minute), so
#   600 a minute still serves some 50 people chatting at once behind one address.
# - 600 a minute is 10 a second, far below what one function's instances and the database take, so a
#   script is held to a trickle there while everybody else is served.
# - Throttle, not ban: a ban would lock out every subscriber behind a shared address for its duration.
# - Provider callbacks (/webhooks/) come from the provider's few addresses and are never throttled (a
#   delayed payment callback holds a paid customer); they have their own token check.
resource "google_compute_security_policy" "edge" {
  name        = "halobestie-edge"
  description = "Per-IP throttle on the public API backends (SPEC §13)"
  type        = "CLOUD_ARMOR"

  rule {
    action      = "throttle"
    priority    = 1000
    description = "Per client IP, per backend: ${var.armor_requests_per_ip_per_minute} requests a minute, then 429"
    match {
      expr {
        expression = "!request.path.startsWith('/webhooks/')"
      }
    }
    rate_limit_options {
      conform_action = "allow"
      exceed_action  = "deny(429)"
      enforce_on_key = "IP"
      rate_limit_threshold {
        count        = var.armor_requests_per_ip_per_minute
        interval_sec = 60
      }
    }
  }

  rule {
    action      = "allow"
    priority    = 2147483647
    description = "Everything else (the default rule)"
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}
