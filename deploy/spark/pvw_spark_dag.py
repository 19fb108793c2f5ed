"""pvw on Spark, scheduled by Airflow: the pipeline five minutes past every hour, daily maintenance and health check.

The same pvw commands as every recipe in deploy/, submitted to Spark with the apache-airflow-providers-apache-spark
package's SparkSubmitOperator: pvw-spark.jar runs as the application's driver, on a warehouse that is an Iceberg catalog
of the application (--warehouse spark:lake). README.md says what each setting is for.
"""

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.exceptions import AirflowSkipException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# pvw's Spark jar where spark-submit can read it: a path on the workers, or s3://, gs://, hdfs://, https://.
APPLICATION = "/opt/pvw/pvw-spark.jar"

# The Iceberg catalog pvw keeps its tables in, as the application names it.
CATALOG = "lake"

# Iceberg's SQL extensions, which pvw's MERGE statements need, and the catalog. Pick one of the two below. Secrets (a
# REST catalog's credential) belong in the Spark connection's or the cluster's spark-defaults.conf, never in a DAG.
ICEBERG = {
    "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
    f"spark.sql.catalog.{CATALOG}": "org.apache.iceberg.spark.SparkCatalog",
}
REST_CATALOG = {
    f"spark.sql.catalog.{CATALOG}.type": "rest",
    f"spark.sql.catalog.{CATALOG}.uri": "https://catalog.example.com/api/catalog",
    f"spark.sql.catalog.{CATALOG}.warehouse": "pvw",
}
# Needs the org.apache.iceberg:iceberg-aws-bundle jar beside pvw's (PACKAGES), and AWS credentials on the cluster
# (an instance profile or a role), never in the DAG.
GLUE_CATALOG = {
    f"spark.sql.catalog.{CATALOG}.catalog-impl": "org.apache.iceberg.aws.glue.GlueCatalog",
    f"spark.sql.catalog.{CATALOG}.io-impl": "org.apache.iceberg.aws.s3.S3FileIO",
    f"spark.sql.catalog.{CATALOG}.warehouse": "s3://example-bucket/pvw",
}
PACKAGES = None  # with GLUE_CATALOG: "org.apache.iceberg:iceberg-aws-bundle:1.12.0"

CONF = {
    **ICEBERG,
    **REST_CATALOG,
    # An hourly batch is small: a few shuffle partitions per executor core, not Spark's 200 (docs/spark.md, sizing).
    "spark.sql.shuffle.partitions": "16",
    # Spark's UI hides settings whose names match; its default pattern misses a REST catalog's credential.
    "spark.redaction.regex": "(?i)secret|password|token|access[.]key|credential",
}

# Sized for an hourly batch at the brief's scale; docs/spark.md says how to size it.
RESOURCES = {
    "driver_memory": "4g",
    "executor_memory": "8g",
    "executor_cores": 4,
    "num_executors": 4,
}


def pvw(task_id, *command, **options):
    """A task that submits pvw-spark.jar with `--warehouse spark:CATALOG COMMAND...`."""
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id="spark_default",
        application=APPLICATION,
        java_class="dev.pvw.cli.Main",
        name=task_id.replace("_", "-"),
        conf=CONF,
        packages=PACKAGES,
        application_args=["--warehouse", f"spark:{CATALOG}", *command],
        **options,
    )


def skip_when_too_late(context):
    """Skips an attempt that would start after the top of the next hour.

    By then the hourly extract has been replaced, and a run as of the old slot would quarantine the new hour's
    pageviews as later than its --as-of; the daily check reports the hour as missing instead.
    """
    slot_end = context["data_interval_end"].start_of("hour").add(hours=1)
    if pendulum.now("UTC") >= slot_end:
        raise AirflowSkipException(
            f"Too late for the slot {context['data_interval_end']}: the hourly extract has been replaced."
        )


with DAG(
    dag_id="pvw_spark_hourly",
    description="Load the last hour's pageviews into the pvw warehouse on Spark",
    schedule="5 * * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    # No catch-up storm after downtime: the extracts hold only the latest hour. Backfill from archived extracts.
    catchup=False,
    # One run at a time from the scheduler; pvw's lease in the catalog keeps any other process's run apart too.
    max_active_runs=1,
    default_args={
        "owner": "data",
        # A failed run is retried. Through spark-submit an exit 3 (a users snapshot refused by a guard) is a failure
        # like any other: it is retried, refused again, and the daily check fails on it until a person decides.
        "retries": 3,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(minutes=45),
    },
    tags=["pvw", "spark"],
) as hourly:
    pvw(
        "pvw_run",
        "run",
        "--as-of",
        "{{ data_interval_end.strftime('%Y-%m-%dT%H:%M:%S') }}",
        pre_execute=skip_when_too_late,
        **RESOURCES,
    )

# Table maintenance (compaction, snapshot expiry, orphan files): pvw maintain takes the run's lock, so it waits for a
# run under way and never races its publish, as Iceberg's own procedures scheduled beside pvw's runs could.
with DAG(
    dag_id="pvw_spark_daily_maintain",
    description="Compact the pvw warehouse's small files, expire old snapshots and remove orphan files",
    schedule="30 4 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "data",
        # Maintenance missed one day is done the next: one retry, in case an hourly run held the lock too long.
        "retries": 1,
        "retry_delay": timedelta(minutes=10),
        "execution_timeout": timedelta(hours=2),
    },
    tags=["pvw", "spark"],
) as daily_maintain:
    pvw("pvw_maintain", "--lock-wait", "900", "maintain", **RESOURCES)

with DAG(
    dag_id="pvw_spark_daily_check",
    description="Fail, and alert, when the pvw warehouse on Spark has missing hours, stale data or a failed last run",
    schedule="30 6 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "data",
        "retries": 0,
        # Alert through Airflow's own channel: email_on_failure with an address, or an on_failure_callback.
        "email_on_failure": True,
    },
    tags=["pvw", "spark"],
) as daily_check:
    pvw("pvw_status_check", "status", "--check", driver_memory="2g", num_executors=1)
