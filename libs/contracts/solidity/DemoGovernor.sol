// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {RolePausable} from "./RolePausable.sol";

/// @notice Minimal governor: OpenZeppelin Governor's ids, states and events, with votes weighted by the
/// token balance at vote time (no ERC20Votes checkpoints, so a demo needs no delegation step).
contract DemoGovernor is RolePausable {
    enum ProposalState {
        Pending,
        Active,
        Canceled,
        Defeated,
        Succeeded,
        Queued,
        Expired,
        Executed
    }

    enum VoteType {
        Against,
        For,
        Abstain
    }

    struct Proposal {
        address proposer;
        uint64 voteStart;
        uint64 voteEnd;
        bool executed;
        uint256 againstVotes;
        uint256 forVotes;
        uint256 abstainVotes;
    }

    string public name;
    IERC20 public immutable token;
    uint64 public immutable votingDelay;
    uint64 public immutable votingPeriod;
    uint256 public immutable quorum;

    mapping(uint256 proposalId => Proposal) private _proposals;
    mapping(uint256 proposalId => mapping(address voter => bool)) public hasVoted;

    // Same signatures as OpenZeppelin's IGovernor so Governor indexers decode them unchanged.
    event ProposalCreated(
        uint256 proposalId,
        address proposer,
        address[] targets,
        uint256[] values,
        string[] signatures,
        bytes[] calldatas,
        uint256 voteStart,
        uint256 voteEnd,
        string description
    );
    event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason);
    event ProposalExecuted(uint256 proposalId);

    error GovernorInvalidProposalLength(uint256 targets, uint256 calldatas, uint256 values);
    error GovernorProposalExists(uint256 proposalId);
    error GovernorNonexistentProposal(uint256 proposalId);
    error GovernorUnexpectedProposalState(uint256 proposalId, ProposalState current);
    error GovernorAlreadyCastVote(address voter);
    error GovernorInvalidVoteType();
    error GovernorNoVotingWeight(address voter);

    constructor(
        address admin,
        string memory name_,
        IERC20 token_,
        uint64 votingDelay_,
        uint64 votingPeriod_,
        uint256 quorum_
    ) RolePausable(admin) {
        name = name_;
        token = token_;
        votingDelay = votingDelay_;
        votingPeriod = votingPeriod_;
        quorum = quorum_;
    }

    /// @notice Same derivation as OpenZeppelin Governor, so ids match across implementations.
    function hashProposal(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(targets, values, calldatas, descriptionHash)));
    }

    /// @notice Empty action lists are allowed: a signalling proposal that only records a vote.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) external whenNotPaused returns (uint256 proposalId) {
        if (targets.length != values.length || targets.length != calldatas.length) {
            revert GovernorInvalidProposalLength(targets.length, calldatas.length, values.length);
        }
        proposalId = hashProposal(targets, values, calldatas, keccak256(bytes(description)));
        Proposal storage proposal = _proposals[proposalId];
        if (proposal.proposer != address(0)) revert GovernorProposalExists(proposalId);
        uint64 voteStart = uint64(block.number) + votingDelay;
        uint64 voteEnd = voteStart + votingPeriod;
        proposal.proposer = msg.sender;
        proposal.voteStart = voteStart;
        proposal.voteEnd = voteEnd;
        emit ProposalCreated(
            proposalId,
            msg.sender,
            targets,
            values,
            new string[](targets.length),
            calldatas,
            voteStart,
            voteEnd,
            description
        );
    }

    function castVote(uint256 proposalId, uint8 support) external returns (uint256) {
        return _castVote(proposalId, support, "");
    }

    function castVoteWithReason(uint256 proposalId, uint8 support, string calldata reason) external returns (uint256) {
        return _castVote(proposalId, support, reason);
    }

    function execute(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) external payable whenNotPaused returns (uint256 proposalId) {
        proposalId = hashProposal(targets, values, calldatas, descriptionHash);
        ProposalState current = state(proposalId);
        if (current != ProposalState.Succeeded) revert GovernorUnexpectedProposalState(proposalId, current);
        _proposals[proposalId].executed = true;
        emit ProposalExecuted(proposalId);
        for (uint256 i = 0; i < targets.length; i++) {
            (bool success, bytes memory returndata) = targets[i].call{value: values[i]}(calldatas[i]);
            Address.verifyCallResult(success, returndata);
        }
    }

    /// @notice Pending until voteStart has been mined, Active through voteEnd (inclusive), then decided.
    function state(uint256 proposalId) public view returns (ProposalState) {
        Proposal storage proposal = _proposals[proposalId];
        if (proposal.proposer == address(0)) revert GovernorNonexistentProposal(proposalId);
        if (proposal.executed) return ProposalState.Executed;
        if (block.number <= proposal.voteStart) return ProposalState.Pending;
        if (block.number <= proposal.voteEnd) return ProposalState.Active;
        bool quorumReached = proposal.forVotes + proposal.abstainVotes >= quorum;
        bool majorityFor = proposal.forVotes > proposal.againstVotes;
        return quorumReached && majorityFor ? ProposalState.Succeeded : ProposalState.Defeated;
    }

    function proposalVotes(
        uint256 proposalId
    ) external view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) {
        Proposal storage proposal = _proposals[proposalId];
        return (proposal.againstVotes, proposal.forVotes, proposal.abstainVotes);
    }

    function proposalProposer(uint256 proposalId) external view returns (address) {
        return _proposals[proposalId].proposer;
    }

    function proposalSnapshot(uint256 proposalId) external view returns (uint256) {
        return _proposals[proposalId].voteStart;
    }

    function proposalDeadline(uint256 proposalId) external view returns (uint256) {
        return _proposals[proposalId].voteEnd;
    }

    function _castVote(uint256 proposalId, uint8 support, string memory reason) private whenNotPaused returns (uint256) {
        ProposalState current = state(proposalId);
        if (current != ProposalState.Active) revert GovernorUnexpectedProposalState(proposalId, current);
        if (hasVoted[proposalId][msg.sender]) revert GovernorAlreadyCastVote(msg.sender);
        uint256 weight = token.balanceOf(msg.sender);
        if (weight == 0) revert GovernorNoVotingWeight(msg.sender);
        hasVoted[proposalId][msg.sender] = true;
        Proposal storage proposal = _proposals[proposalId];
        if (support == uint8(VoteType.Against)) proposal.againstVotes += weight;
        else if (support == uint8(VoteType.For)) proposal.forVotes += weight;
        else if (support == uint8(VoteType.Abstain)) proposal.abstainVotes += weight;
        else revert GovernorInvalidVoteType();
        emit VoteCast(msg.sender, proposalId, support, weight, reason);
        return weight;
    }
}
