"""pvw on Airflow: the pipeline five minutes past every hour, and a daily health check.

Both DAGs call the same pvw commands as every other recipe in deploy/. The hourly run is as of its
data interval's end, the time it was scheduled for, so a retried or late task still counts as that slot.
"""

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator

# The pvw launcher on the workers: a wrapper around `java -jar pvw.jar` (see README.md).
PVW = "/opt/pvw/pvw"

# Where the warehouse is: an Airflow Variable holding a JDBC URL (jdbc:duckdb:PATH or jdbc:postgresql://...).
ENV = {"PVW_WAREHOUSE": "{{ var.value.pvw_warehouse }}"}

# The hourly extract is replaced at the top of the next hour; after that a run as of this slot would quarantine the
# new hour's pageviews as later than its --as-of. Retries therefore stop there: the task is skipped (exit 99), and the
# daily check reports the hour as missing.
RUN = (
    'if [ "$(date -u +%s)" -ge {{ data_interval_end.start_of("hour").add(hours=1).int_timestamp }} ]; then '
    'echo "Too late for the slot {{ data_interval_end }}: the hourly extract has been replaced." >&2; exit 99; fi; '
    "exec " + PVW + ' run --as-of "{{ data_interval_end.strftime(\'%Y-%m-%dT%H:%M:%S\') }}"'
)

with DAG(
    dag_id="pvw_hourly",
    description="Load the last hour's pageviews into the pvw warehouse",
    schedule="5 * * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    # No catch-up storm after downtime or when the DAG is first enabled: the extracts hold only the latest hour
    # anyway. Backfill missed hours from archived extracts instead (docs/scheduling.md).
    catchup=False,
    # Never two runs at once.
    max_active_runs=1,
    default_args={
        "owner": "data",
        # A failed run (exit 1, the warehouse held by another run past --lock-wait included) is retried.
        "retries": 4,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=15),
        "execution_timeout": timedelta(minutes=45),
    },
    tags=["pvw"],
) as hourly:
    BashOperator(
        task_id="pvw_run",
        bash_command=RUN,
        env=ENV,
        append_env=True,
        # Exit 3: a users snapshot refused by a guard. The pageview batch was processed, and the same extract would be
        # refused again: skip without retrying; the daily check fails on it until a person decides.
        skip_on_exit_code=[3, 99],
    )

with DAG(
    dag_id="pvw_daily_check",
    description="Fail, and alert, when the pvw warehouse has missing hours, stale data or a failed last run",
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
    tags=["pvw"],
) as daily_check:
    BashOperator(
        task_id="pvw_status_check",
        bash_command=PVW + " status --check",
        env=ENV,
        append_env=True,
    )
