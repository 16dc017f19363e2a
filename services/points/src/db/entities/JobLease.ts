// The lease is the kit's (kit/src/jobLease.ts), shared by every service that runs scheduled jobs.
export { JobLease } from '../../../../kit/src/jobLease';
