output "api_ip" {
  value = google_compute_global_address.api.address
}

output "function_urls" {
  value = local.run_url
}

output "database_connection_name" {
  value = google_sql_database_instance.main.connection_name
}
