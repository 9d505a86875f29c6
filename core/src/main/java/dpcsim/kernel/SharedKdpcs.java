package dpcsim.kernel;

import dpcsim.scenario.Op;

/**
 * Which KDPCs more than one processor may touch, as the engine worked out before the run ({@code
 * dpcsim.lookahead.DpcReach}). The kernel only keeps the books: a processor counts the shared KDPCs
 * in its queues and marks the work that names one, so that a windowed engine can run every event
 * that may touch one in global order ({@link Processor#runUntil(long, boolean,
 * dpcsim.kernel.EventKey)}); for a token it takes Number from the remote-insert message that
 * carries it.
 */
public interface SharedKdpcs {
  /**
   * Nothing is shared: for an engine that keeps one copy of the KDPCs and runs every event in
   * global order.
   */
  SharedKdpcs NONE =
      new SharedKdpcs() {
        @Override
        public boolean shared(int dpc) {
          return false;
        }

        @Override
        public boolean token(int dpc) {
          return false;
        }

        @Override
        public boolean touchesShared(Op op) {
          return false;
        }

        @Override
        public boolean routineTouchesShared(int dpc) {
          return false;
        }

        @Override
        public boolean isrTouchesShared(int device) {
          return false;
        }
      };

  /**
   * @return true if DPC {@code dpc}'s fields may be touched on more than one processor
   */
  boolean shared(int dpc);

  /**
   * @return true if DPC {@code dpc} is a token: never shared, however many processors it visits,
   *     because only its one current holder touches it, and its Number travels with it
   */
  boolean token(int dpc);

  /**
   * @return true if performing {@code op} reads or writes a shared KDPC
   */
  boolean touchesShared(Op op);

  /**
   * @return true if some step of DPC {@code dpc}'s routine touches a shared KDPC
   */
  boolean routineTouchesShared(int dpc);

  /**
   * @return true if some step of device {@code device}'s ISR touches a shared KDPC
   */
  boolean isrTouchesShared(int device);
}
