/**
 * What `npm start` prints once every process is ready. It says only what is true of THIS
 * environment: a production start never advertises development behaviour (a playground that is
 * off, a development sign-in code), since operators copy what the banner tells them.
 * Plain JavaScript, like start.js, so that it runs before anything is built.
 */
'use strict';

const DEVELOPMENT_LOGIN_CODE = '000000'; // services/member/src/auth/sms.ts

const on = (value, fallback) => (value === undefined || value === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));

/** The banner's lines, from the same variables the processes read. */
function startBanner(env, { gatewayUrl, services, demoMember, seedError, admin }) {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const playground = on(env.GRAPHQL_PLAYGROUND, !production);
  const smsLine = env.SMS_PROVIDER
    ? `Members sign in with requestLoginCode + loginWithCode; codes go by SMS (${env.SMS_PROVIDER}).`
    : nodeEnv === 'development'
      ? `Members sign in with requestLoginCode + loginWithCode; development sends no SMS: the code is ${DEVELOPMENT_LOGIN_CODE}.`
      : 'SMS sign-in is unavailable: no SMS provider is configured (SMS_PROVIDER).';
  return [
    'MemberGraph is running.',
    `  ${(playground ? 'gateway + playground' : 'gateway').padEnd(20)}  ${gatewayUrl}`,
    ...services.map(({ name, url, grpc }) => `  ${name.padEnd(20)}  ${url}  gRPC ${grpc}`),
    ...(demoMember ? [`Seeded the demo programme; a demo member: ${demoMember}`] : []),
    ...(seedError ? [`The demo programme was not seeded (${seedError}); everything else runs.`] : []),
    ...(admin && !env.STAFF_BOOTSTRAP_ADMIN && !production
      ? [`Staff sign-in (development only): staffLogin(username: "${admin.username}", password: "${admin.password}")`]
      : []),
    smsLine,
    'Press Ctrl-C to stop.',
  ].join('\n');
}

module.exports = { startBanner };
