// The few platform APIs the core uses that both browsers and Node provide, declared here because
// the core compiles without the DOM library and without Node's types.
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T }
