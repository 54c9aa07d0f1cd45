import restify from 'restify';

/** The baseline: a bare restify JSON handler answering with a small card. */
const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Thanks: your answer is in.' }] };
const server = restify.createServer();
server.post('/api/messages', restify.plugins.bodyParser(), (_req, res, next) => {
  res.send(200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CARD });
  next();
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
