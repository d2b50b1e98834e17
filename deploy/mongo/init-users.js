// The compose stack's MongoDB users, made once when the data volume is first initialised
// (docker-entrypoint-initdb.d), as the root user. One user per service, each with only the databases it uses:
// the text keys (practice_alerts_keys) are the alert-service's to write and the reporting-service's to read.
const admin = db.getSiblingDB('admin');
const user = (name, variable, roles) => admin.createUser({user: name, pwd: process.env[variable], roles: roles});
const app = {role: 'readWrite', db: 'practice_alerts'};
user('alert-service', 'ALERT_SERVICE_MONGO_PASSWORD', [app, {role: 'readWrite', db: 'practice_alerts_keys'}]);
user('escalation-service', 'ESCALATION_SERVICE_MONGO_PASSWORD', [app]);
user('notification-service', 'NOTIFICATION_SERVICE_MONGO_PASSWORD', [app]);
user('reporting-service', 'REPORTING_SERVICE_MONGO_PASSWORD', [app, {role: 'read', db: 'practice_alerts_keys'}]);
