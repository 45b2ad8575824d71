// The Socket.IO peer of the presence fan-out comparison (issue 9), the same broadcast as the bare Vert.x peer
// (dev.parlor.bench.peer.VertxBroadcastServer): a client connects to the default namespace with {room, id} in its
// handshake auth, sends "location" events, and each is stamped with the sender's id and emitted to every socket in
// the room, the sender's included (io.to(room).emit encodes the packet once for all of them).
//
//   npm ci --prefix infra/bench/socketio && node infra/bench/socketio/server.js [PORT]   (default 18091, loopback)
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || 18091);
const server = http.createServer();
const io = new Server(server, {
  serveClient: false,
  cors: { origin: false },
  perMessageDeflate: false,
  httpCompression: false,
});

io.on('connection', (socket) => {
  const auth = socket.handshake.auth || {};
  const room = String(auth.room || socket.handshake.query.room || 'lobby');
  const id = String(auth.id || socket.handshake.query.id || socket.id);
  socket.join(room);
  socket.on('location', (update) => {
    if (update === null || typeof update !== 'object') {
      return;
    }
    update.from = id;
    io.to(room).emit('location', update);
  });
});

server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
