resource "google_pubsub_topic" "pairing_blast" {
  name                       = "pairing-blast"
  message_retention_duration = "86400s"
}

resource "google_pubsub_topic" "pairing_blast_dead_letter" {
  name = "pairing-blast-dead-letter"
}

# One message per chat request; the pairing function's private route sends the FCM pushes and
# writes the offer documents (idempotent under redelivery).
resource "google_pubsub_subscription" "pairing_blast_push" {
  name                 = "pairing-blast-push"
  topic                = google_pubsub_topic.pairing_blast.id
  ack_deadline_seconds = 30

  push_config {
    push_endpoint = "${local.run_url["pairing"]}/events/pairing/blast"
    oidc_token {
      service_account_email = google_service_account.pubsub_pusher.email
      audience              = local.run_url["pairing"]
    }
  }

  retry_policy {
    minimum_backoff = "5s"
    maximum_backoff = "300s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.pairing_blast_dead_letter.id
    max_delivery_attempts = 20
  }
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.task_creators
  topic    = google_pubsub_topic.pairing_blast.name
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.fn[each.value].email}"
}

# Pub/Sub's service agent must mint OIDC tokens for the pusher and forward dead letters.
resource "google_service_account_iam_member" "pubsub_agent_token_creator" {
  service_account_id = google_service_account.pubsub_pusher.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  topic  = google_pubsub_topic.pairing_blast_dead_letter.name
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  subscription = google_pubsub_subscription.pairing_blast_push.name
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# Every committed chat message is announced here (ids only, never the text) and screened after the
# commit, off the send path (SPEC §15): the session function's private route reads the message from
# Postgres, screens it and records its alerts (idempotent under redelivery).
resource "google_pubsub_topic" "message_screening" {
  name                       = "message-screening"
  message_retention_duration = "86400s"
}

resource "google_pubsub_topic" "message_screening_dead_letter" {
  name = "message-screening-dead-letter"
}

resource "google_pubsub_subscription" "message_screening_push" {
  name                 = "message-screening-push"
  topic                = google_pubsub_topic.message_screening.id
  ack_deadline_seconds = 30

  push_config {
    push_endpoint = "${local.run_url["session"]}/events/safety/screen"
    oidc_token {
      service_account_email = google_service_account.pubsub_pusher.email
      audience              = local.run_url["session"]
    }
  }

  retry_policy {
    minimum_backoff = "5s"
    maximum_backoff = "300s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.message_screening_dead_letter.id
    max_delivery_attempts = 20
  }
}

# Any instance's relay may deliver an outbox row, so every function may publish (as for the blasts).
resource "google_pubsub_topic_iam_member" "screening_publisher" {
  for_each = local.task_creators
  topic    = google_pubsub_topic.message_screening.name
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.fn[each.value].email}"
}

resource "google_pubsub_topic_iam_member" "screening_dead_letter_publisher" {
  topic  = google_pubsub_topic.message_screening_dead_letter.name
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_subscription_iam_member" "screening_dead_letter_subscriber" {
  subscription = google_pubsub_subscription.message_screening_push.name
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}
