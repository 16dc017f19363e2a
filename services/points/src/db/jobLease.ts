// The lease is the kit's (kit/src/jobLease.ts), shared by every service that runs scheduled jobs.
export { LEASE_HOLDER, runUnderLease, type LeasedRun } from '../../../kit/src/jobLease';
