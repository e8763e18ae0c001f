/**
 * Which instance runs the scheduled work (the digest schedule, the outbox). With one instance (the file
 * store) it is always this one; with several on Azure Blob Storage, the holder of a blob lease. Digest keys
 * and job claims make a double run harmless anyway; the lease makes it rare.
 */
export interface Leadership {
  isLeader(): boolean;
  /** Starts taking part (acquiring and renewing); `onLeader` runs each time this instance becomes leader. */
  start(onLeader: () => void): void;
  /** Stops taking part and releases the lease (SIGTERM), so another instance takes over at once. */
  stop(): Promise<void>;
}

export const SOLE_INSTANCE: Leadership = {
  isLeader: () => true,
  start: (onLeader) => onLeader(),
  stop: async () => {},
};
