from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "caseload.benchmarking"
    label = "benchmarking"
    verbose_name = "Benchmarks"
