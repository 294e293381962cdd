# Cloud SQL has no public IP; Cloud Run reaches it through Direct VPC egress.
resource "google_compute_network" "vpc" {
  name                    = "halobestie"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" {
  name                     = "halobestie-run"
  network                  = google_compute_network.vpc.id
  region                   = var.region
  ip_cidr_range            = "10.10.0.0/24"
  private_ip_google_access = true
}

resource "google_compute_global_address" "sql_peering" {
  name          = "halobestie-sql-peering"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
  network       = google_compute_network.vpc.id
}

resource "google_service_networking_connection" "sql" {
  network                 = google_compute_network.vpc.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.sql_peering.name]
}
