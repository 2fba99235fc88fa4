package org.frontierregistry.tracker.propose;

/**
 * What proposing did with one proposal.
 *
 * @param status created, updated, unchanged, exists-on-main, left-alone (a person committed to the branch), would-create / would-update (dry run)
 * @param commit the branch's commit after the run (null when nothing was written)
 * @param pushed the branch was pushed to the remote in this run
 */
public record ProposalOutcome(Proposal proposal, String status, String commit, boolean pushed, String detail) {
}
