// A fixed amount of pure CPU work (no allocation, no I/O): the machine's own
// parallel capacity is 2 × (time of one) / (time of two run at once).
let x = 0;
for (let i = 0; i < Number(process.argv[2] ?? 2e8); i++) x = (x + i * 7) % 1000003;
if (x === -1) console.log(x);
