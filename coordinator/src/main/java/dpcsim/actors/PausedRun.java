package dpcsim.actors;

import dpcsim.wire.RunReply;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * An actor-engine run paused for the debugger, with the actor system to ask its processors from.
 *
 * @param paused the driver's pause notice
 * @param system the client's actor system
 */
public record PausedRun(RunReply.Paused paused, ActorSystem<?> system) {}
