import restify from 'restify';
import { RESPONSE_CARD } from './response-card';

/** The baseline: a bare restify JSON handler that parses the request and answers with the same card. */
const CARD = RESPONSE_CARD;
const server = restify.createServer();
server.post('/api/messages', restify.plugins.bodyParser(), (_req, res, next) => {
  res.send(200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD });
  next();
});
// Slack's baseline: parse the form body and acknowledge, as Slack expects within 3 seconds.
server.post('/slack/events', restify.plugins.bodyParser(), (_req, res, next) => {
  res.send(200);
  next();
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
