SELECT count(*) FROM pvw_check_users
