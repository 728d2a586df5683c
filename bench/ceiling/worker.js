// The runtime's ceiling: the same workerd path as the gateway, answering fixed bytes.
const BODY = '{"data":{"product":{"id":"1","name":"Compact Anthology"}}}';

export default {
  fetch() {
    return new Response(BODY, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  },
};
