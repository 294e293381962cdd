# Alerts, the uptime check and the log-based metrics. Every alert mails var.alert_email.
resource "google_monitoring_notification_channel" "oncall" {
  display_name = "Halo Bestie on-call"
  type         = "email"
  labels = {
    email_address = var.alert_email
  }
}

locals {
  alert_channels = [google_monitoring_notification_channel.oncall.id]
}

# --- log-based metrics (the relay's and the drain's JSON lines, see shared/outbox/relay.ts) ---

# An outbox row that failed its last allowed attempt (MAX_OUTBOX_ATTEMPTS = 25): our dead letter.
resource "google_logging_metric" "outbox_dead_letters" {
  name        = "halobestie/outbox_dead_letters"
  description = "Outbox rows that exhausted their delivery attempts"
  filter      = "resource.type=\"cloud_run_revision\" AND jsonPayload.message=\"outbox delivery failed\" AND jsonPayload.attempts>=25"
  label_extractors = {
    kind = "EXTRACT(jsonPayload.kind)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key         = "kind"
      value_type  = "STRING"
      description = "task, event, realtime or push"
    }
  }
}

# Push deliveries the pairing (blasts) or session (screening) function failed (each one brings a message
# closer to the dead-letter topic).
resource "google_logging_metric" "pubsub_push_failures" {
  name        = "halobestie/pubsub_push_failures"
  description = "Pub/Sub push deliveries the pairing or session function answered with an error"
  filter      = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=~\"^(pairing|session)$\" AND httpRequest.requestUrl=~\"/events/\" AND httpRequest.status>=500"
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

# The OTP request refused because the service's hourly SMS budget is spent (shared/auth/request-otp.ts,
# OTP_BUDGET_EXHAUSTED): every such line is a user who could not sign in by phone (SPEC §13).
resource "google_logging_metric" "otp_budget_exhausted" {
  name        = "halobestie/otp_budget_exhausted"
  description = "OTP requests refused with 503 OTP_UNAVAILABLE because the hourly SMS budget is spent"
  filter      = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"auth\" AND jsonPayload.message=\"OTP hourly SMS budget exhausted\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

# The drain route (Cloud Scheduler, every minute) logs "outbox backlog" with oldest_pending_age_seconds.
resource "google_logging_metric" "outbox_backlog_age" {
  name            = "halobestie/outbox_backlog_age"
  description     = "Age of the oldest undelivered outbox row, logged by each scheduled drain"
  filter          = "resource.type=\"cloud_run_revision\" AND jsonPayload.message=\"outbox backlog\""
  value_extractor = "EXTRACT(jsonPayload.oldest_pending_age_seconds)"
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "s"
  }
  bucket_options {
    exponential_buckets {
      num_finite_buckets = 20
      growth_factor      = 2
      scale              = 1
    }
  }
}

# Dead-lettered blast messages are kept a week for inspection (a topic without subscription drops them).
resource "google_pubsub_subscription" "pairing_blast_dead_letter_hold" {
  name                       = "pairing-blast-dead-letter-hold"
  topic                      = google_pubsub_topic.pairing_blast_dead_letter.id
  message_retention_duration = "604800s"
  ack_deadline_seconds       = 60
}

# Dead-lettered screening events likewise: a message nobody screened is one an operator must look at.
resource "google_pubsub_subscription" "message_screening_dead_letter_hold" {
  name                       = "message-screening-dead-letter-hold"
  topic                      = google_pubsub_topic.message_screening_dead_letter.id
  message_retention_duration = "604800s"
  ack_deadline_seconds       = 60
}

# --- alert policies ---

resource "google_monitoring_alert_policy" "http_5xx_ratio" {
  for_each     = local.functions
  display_name = "${each.value}: 5xx above 2% of requests"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "5xx ratio > 2% for 5 min"
    condition_threshold {
      filter             = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${each.value}\" AND metric.type=\"run.googleapis.com/request_count\" AND metric.labels.response_code_class=\"5xx\""
      denominator_filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${each.value}\" AND metric.type=\"run.googleapis.com/request_count\""
      comparison         = "COMPARISON_GT"
      threshold_value    = 0.02
      duration           = "300s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["resource.label.service_name"]
      }
      denominator_aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["resource.label.service_name"]
      }
    }
  }
  notification_channels = local.alert_channels
}

resource "google_monitoring_alert_policy" "outbox_backlog" {
  display_name = "Outbox backlog older than 5 minutes (or the drain stopped reporting)"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "oldest pending outbox row > 300 s"
    condition_threshold {
      filter          = "resource.type=\"cloud_run_revision\" AND metric.type=\"logging.googleapis.com/user/${google_logging_metric.outbox_backlog_age.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 300
      duration        = "300s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_PERCENTILE_99"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }
  conditions {
    display_name = "no drain report for 10 min"
    condition_absent {
      filter   = "resource.type=\"cloud_run_revision\" AND metric.type=\"logging.googleapis.com/user/${google_logging_metric.outbox_backlog_age.name}\""
      duration = "600s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_COUNT"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
  notification_channels = local.alert_channels
}

resource "google_monitoring_alert_policy" "dead_letters" {
  display_name = "Dead letters: Pub/Sub blast or screening messages, or outbox rows given up"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "Pub/Sub dead-lettered messages"
    condition_threshold {
      filter          = "resource.type=\"pubsub_subscription\" AND (resource.labels.subscription_id=\"${google_pubsub_subscription.pairing_blast_push.name}\" OR resource.labels.subscription_id=\"${google_pubsub_subscription.message_screening_push.name}\") AND metric.type=\"pubsub.googleapis.com/subscription/dead_letter_message_count\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
  conditions {
    display_name = "outbox rows dead after 25 attempts"
    condition_threshold {
      filter          = "resource.type=\"cloud_run_revision\" AND metric.type=\"logging.googleapis.com/user/${google_logging_metric.outbox_dead_letters.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
  notification_channels = local.alert_channels
}

resource "google_monitoring_alert_policy" "tasks_queue_depth" {
  display_name = "Cloud Tasks: timers queue backing up"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "queue depth > 5000 for 10 min"
    condition_threshold {
      filter          = "resource.type=\"cloud_tasks_queue\" AND resource.labels.queue_id=\"${google_cloud_tasks_queue.timers.name}\" AND metric.type=\"cloudtasks.googleapis.com/queue/depth\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.tasks_queue_depth_alert
      duration        = "600s"
      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }
  notification_channels = local.alert_channels
}

resource "google_monitoring_alert_policy" "sql_cpu" {
  display_name = "Cloud SQL CPU above 80%"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "CPU utilisation > 0.8 for 10 min"
    condition_threshold {
      filter          = "resource.type=\"cloudsql_database\" AND resource.labels.database_id=\"${var.project_id}:${google_sql_database_instance.main.name}\" AND metric.type=\"cloudsql.googleapis.com/database/cpu/utilization\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0.8
      duration        = "600s"
      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_MEAN"
      }
    }
  }
  notification_channels = local.alert_channels
}

# --- uptime: /healthz through the load balancer (auth answers it: a path rule of its own) ---
resource "google_monitoring_uptime_check_config" "healthz" {
  display_name = "API /healthz through the load balancer"
  timeout      = "10s"
  period       = "60s"

  http_check {
    path         = "/healthz"
    port         = 443
    use_ssl      = true
    validate_ssl = true
  }

  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = var.domain
    }
  }

  content_matchers {
    content = "\"status\":\"ok\""
    matcher = "CONTAINS_STRING"
  }
}

resource "google_monitoring_alert_policy" "uptime" {
  display_name = "API /healthz failing through the load balancer"
  combiner     = "OR"
  severity     = "CRITICAL"
  conditions {
    display_name = "uptime check failing from 2+ regions"
    condition_threshold {
      filter          = "resource.type=\"uptime_url\" AND metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND metric.labels.check_id=\"${google_monitoring_uptime_check_config.healthz.uptime_check_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "120s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_COUNT_FALSE"
        group_by_fields      = ["resource.label.host"]
      }
    }
  }
  notification_channels = local.alert_channels
}

# The first refusal pages: either a real surge (raise limits.otp.hourly_budget) or a script spending SMS.
resource "google_monitoring_alert_policy" "otp_budget" {
  display_name = "OTP SMS budget exhausted: phone sign-in refused"
  combiner     = "OR"
  severity     = "ERROR"
  conditions {
    display_name = "OTP requests refused for the SMS budget"
    condition_threshold {
      filter          = "resource.type=\"cloud_run_revision\" AND metric.type=\"logging.googleapis.com/user/${google_logging_metric.otp_budget_exhausted.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
  notification_channels = local.alert_channels
}
