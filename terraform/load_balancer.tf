resource "google_compute_global_address" "api" {
  name = "halobestie-api"
}

resource "google_compute_managed_ssl_certificate" "api" {
  name = "halobestie-api"
  managed {
    domains = [var.domain]
  }
}

resource "google_compute_region_network_endpoint_group" "fn" {
  for_each              = local.public_functions
  name                  = "neg-${each.value}"
  region                = var.region
  network_endpoint_type = "SERVERLESS"
  cloud_run {
    # By name, not by reference: the service takes IAP_AUDIENCE from the backend built on this NEG,
    # so a reference would be a cycle. The service name is the function name (cloud_run.tf).
    service = each.value
  }
}

resource "google_compute_backend_service" "public" {
  for_each              = setsubtract(local.public_functions, ["internal"])
  name                  = "be-${each.value}"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  security_policy       = google_compute_security_policy.edge.id
  backend {
    group = google_compute_region_network_endpoint_group.fn[each.value].id
  }
  log_config {
    enable = true
  }
}

# The control center's paths: a second backend per owning function, with IAP in front.
resource "google_compute_backend_service" "iap" {
  for_each              = local.iap_functions
  name                  = "be-cc-${each.value}"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  backend {
    group = google_compute_region_network_endpoint_group.fn[each.value].id
  }
  iap {
    enabled              = true
    oauth2_client_id     = var.iap_oauth_client_id
    oauth2_client_secret = var.iap_oauth_client_secret
  }
  log_config {
    enable = true
  }
}

resource "google_iap_web_backend_service_iam_binding" "cc" {
  for_each            = local.iap_functions
  web_backend_service = google_compute_backend_service.iap[each.value].name
  role                = "roles/iap.httpsResourceAccessor"
  members             = var.cc_access_members
}

# What no path rule names (/tasks/*, /events/*, unknown paths, other hosts) must reach no function: the
# private routes answer only Cloud Tasks, Pub/Sub and Scheduler, which call the run.app URLs directly.
# The URL map's defaults therefore name a backend service with no backend at all and abort every request
# there with a 404 (a route action's fault injection, supported by the global external Application Load
# Balancer); were the abort ever removed, that backend could only answer 503, never reach a function.
resource "google_compute_backend_service" "unrouted" {
  name                  = "be-unrouted"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  log_config {
    enable = true
  }
}

resource "google_compute_url_map" "api" {
  name            = "halobestie-api"
  default_service = google_compute_backend_service.unrouted.id
  default_route_action {
    fault_injection_policy {
      abort {
        http_status = 404
        percentage  = 100
      }
    }
  }

  host_rule {
    hosts        = [var.domain]
    path_matcher = "api"
  }

  path_matcher {
    name            = "api"
    default_service = google_compute_backend_service.unrouted.id
    default_route_action {
      fault_injection_policy {
        abort {
          http_status = 404
          percentage  = 100
        }
      }
    }

    dynamic "path_rule" {
      for_each = local.public_paths
      content {
        paths   = [path_rule.key]
        service = google_compute_backend_service.public[path_rule.value].id
      }
    }

    # The uptime check's target (monitoring.tf): auth's own /healthz, which reaches nothing but its process.
    path_rule {
      paths   = ["/healthz"]
      service = google_compute_backend_service.public["auth"].id
    }

    dynamic "path_rule" {
      for_each = local.internal_paths
      content {
        paths   = [path_rule.key]
        service = google_compute_backend_service.iap[path_rule.value].id
      }
    }
  }
}

resource "google_compute_target_https_proxy" "api" {
  name             = "halobestie-api"
  url_map          = google_compute_url_map.api.id
  ssl_certificates = [google_compute_managed_ssl_certificate.api.id]
}

resource "google_compute_global_forwarding_rule" "https" {
  name                  = "halobestie-api-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.api.id
  port_range            = "443"
  target                = google_compute_target_https_proxy.api.id
}

resource "google_compute_url_map" "http_redirect" {
  name = "halobestie-http-redirect"
  default_url_redirect {
    https_redirect = true
    strip_query    = false
  }
}

resource "google_compute_target_http_proxy" "redirect" {
  name    = "halobestie-http-redirect"
  url_map = google_compute_url_map.http_redirect.id
}

resource "google_compute_global_forwarding_rule" "http" {
  name                  = "halobestie-api-http"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.api.id
  port_range            = "80"
  target                = google_compute_target_http_proxy.redirect.id
}
