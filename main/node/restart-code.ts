/**
 * The exit code of a hub that ends so that it is started again at once (a restore from the admin
 * screen is put in place at the next start). The supervisor restarts it without the delay it
 * gives a hub that died; run without the supervisor, the hub says to start it again.
 */
export const RESTART_EXIT_CODE = 75;
