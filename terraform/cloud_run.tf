locals {
  plain_env = {
    NODE_ENV                      = "production"
    RUNTIME                       = "gcp"
    GCP_PROJECT_ID                = var.project_id
    GCP_REGION                    = var.region
    TASKS_QUEUE                   = google_cloud_tasks_queue.timers.name
    FUNCTION_URLS                 = jsonencode(local.run_url)
    TASKS_INVOKER_SERVICE_ACCOUNT = google_service_account.tasks_invoker.email
    OIDC_ALLOWED_SERVICE_ACCOUNTS = join(",", local.invoker_emails)
    PUBSUB_PAIRING_TOPIC          = google_pubsub_topic.pairing_blast.name
    ENABLE_TEST_ROUTES            = "false"
    # Postgres through the Cloud SQL connector, as the process's IAM database user (database.tf).
    CLOUD_SQL_INSTANCE = google_sql_database_instance.main.connection_name
    DATABASE_NAME      = google_sql_database.app.name
  }

  # One image for every function and the migrations job; the entry is the container's args.
  image = "${var.region}-docker.pkg.dev/${var.project_id}/halobestie/api:${var.image_tag}"

  # IAP's signed-header audience is the IAP backend's numeric id. The serverless NEGs name their Cloud
  # Run service literally (not by reference), so backend → service is no dependency and the service
  # can take the backend's id: no cycle, one apply (decisions.md).
  iap_audience = {
    for f in local.iap_functions : f => "/projects/${data.google_project.this.number}/global/backendServices/${google_compute_backend_service.iap[f].generated_id}"
  }

  # Per-function plain env on top of plain_env.
  function_env = {
    for f in local.functions : f => merge(
      local.plain_env,
      { OIDC_AUDIENCE = local.run_url[f], DATABASE_IAM_USER = local.db_users[f] },
      contains(local.iap_functions, f) ? { IAP_AUDIENCE = local.iap_audience[f] } : {},
      f == "auth" ? { OTP_PROVIDER = "fazpass" } : {},
      { DATABASE_POOL_MAX = tostring(local.capacity[f].db_pool) },
    )
  }

  # Capacity per function, sized for 10x today (1,000 concurrent sessions) with burst headroom:
  # docs/capacity.md, "Terraform values". max_instances bounds what one service can take from Cloud SQL:
  # the sum over services of max_instances x db_pool (+1 for the migrate job) must stay <= 80 % of the
  # max_connections flag (terraform/database.tf); test/unit/capacity.test.ts fails otherwise.
  # concurrency: requests one instance (1 vCPU, one Node event loop) takes at once; a request holds a
  # pooled connection only for its transaction (a few ms), so db_pool 5 serves ~1,000 tx/s per instance.
  # CPU between requests. Every function commits side effects through the outbox (auth too: a logout of
  # the last session, SPEC §13) and the relay delivers them after the response, in the background
  # (commitWithEffects wakes shared/outbox/relay.ts): with CPU only
  # during requests (cpu_idle = true) that delivery would stall until the next request or the minute's
  # drain, so those services keep their CPU (cpu_idle = false: instance-based billing, the instance is
  # billed for its whole life, docs/capacity.md).
  cpu_idle = {
    auth              = false
    pairing           = false
    session           = false
    config            = false
    "payment-webhook" = false
    internal          = false
    workers           = false
  }

  capacity = {
    auth              = { max_instances = 3, concurrency = 80, db_pool = 3 } # refresh/OTP: ~1 req/s at 1,000 sessions
    pairing           = { max_instances = 4, concurrency = 80, db_pool = 5 } # heartbeats + availability + blast: ~100 req/s
    session           = { max_instances = 6, concurrency = 80, db_pool = 5 } # messages, receipts, typing, timers: ~180 req/s
    config            = { max_instances = 2, concurrency = 80, db_pool = 2 } # GET config is ETag-cached, 1 read per 2 s
    "payment-webhook" = { max_instances = 2, concurrency = 80, db_pool = 3 } # ~0.3 callbacks/s
    internal          = { max_instances = 2, concurrency = 20, db_pool = 3 } # control-center reports: few, long queries
    workers           = { max_instances = 3, concurrency = 20, db_pool = 5 } # outbox drain (1/min) + generic timers
  }
}

resource "google_cloud_run_v2_service" "fn" {
  for_each            = local.functions
  name                = each.value
  location            = var.region
  deletion_protection = true
  # Public functions only through the load balancer; workers only from Cloud Tasks / Pub/Sub / Scheduler.
  ingress = contains(local.public_functions, each.value) ? "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" : "INGRESS_TRAFFIC_INTERNAL_ONLY"
  # Load-balancer traffic carries no Google identity, so public functions skip the invoker check
  # (rather than a public invoker binding); ingress still admits only the load balancer. Private routes
  # (/tasks, /events) verify the OIDC token in the app.
  invoker_iam_disabled = contains(local.public_functions, each.value)

  template {
    service_account = google_service_account.fn[each.value].email
    # docs/capacity.md: per-request CPU x concurrency fits one vCPU; see local.capacity.
    max_instance_request_concurrency = local.capacity[each.value].concurrency

    scaling {
      min_instance_count = each.value == "pairing" ? 1 : 0
      # Bounded so Σ max_instances x DATABASE_POOL_MAX stays under Cloud SQL's max_connections (local.capacity).
      max_instance_count = local.capacity[each.value].max_instances
    }

    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        network    = google_compute_network.vpc.id
        subnetwork = google_compute_subnetwork.run.id
      }
    }

    containers {
      image = local.image
      # node is the entrypoint; main.cjs runs the function on plain node:http (decisions.md) with its baked
      # code cache (decisions.md 37).
      args = ["dist/${each.value}/main.cjs"]

      dynamic "env" {
        for_each = local.function_env[each.value]
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        # Only the secrets this function may read (secret_readers), as env variables.
        for_each = { for secret, fns in local.secret_readers : local.secret_env_names[secret] => secret if contains(fns, each.value) }
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.s[env.value].secret_id
              version = "latest"
            }
          }
        }
      }

      resources {
        limits   = { cpu = "1", memory = "512Mi" }
        cpu_idle = local.cpu_idle[each.value]
        # Twice the CPU while the instance starts: a cold start is CPU-bound (docs/decisions.md 37).
        startup_cpu_boost = true
      }

      startup_probe {
        http_get {
          path = "/healthz"
        }
      }
    }
  }

  depends_on = [
    google_project_service.apis, google_secret_manager_secret_iam_member.reader, google_sql_user.iam, google_project_iam_member.db,
  ]
}
