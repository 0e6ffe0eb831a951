// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RolePausable} from "./RolePausable.sol";
import {IVRFCoordinator, IVRFConsumer} from "./VrfInterfaces.sol";

/// @notice Local stand-in for a Chainlink VRF v2 coordinator: anyone may fulfil, words derive from a seed.
contract MockVRFCoordinator is IVRFCoordinator, RolePausable {
    uint32 public constant MAX_NUM_WORDS = 500;

    struct Request {
        address consumer;
        uint32 callbackGasLimit;
        uint32 numWords;
    }

    /// @notice Mixed into every derived word so different deployments produce different (but repeatable) outcomes.
    uint256 public seed;
    uint256 public nextRequestId = 1;
    mapping(uint256 requestId => Request) public requests;

    event RandomWordsRequested(
        bytes32 indexed keyHash,
        uint256 requestId,
        uint256 preSeed,
        uint64 indexed subId,
        uint16 minimumRequestConfirmations,
        uint32 callbackGasLimit,
        uint32 numWords,
        address indexed sender
    );
    event RandomWordsFulfilled(uint256 indexed requestId, uint256 outputSeed, uint96 payment, bool success);
    event SeedChanged(uint256 seed);

    error InvalidNumWords(uint32 numWords);
    error UnknownRequest(uint256 requestId);
    error WrongConsumer(uint256 requestId, address expected, address given);
    error InvalidWordCount(uint256 expected, uint256 given);
    error InsufficientGasForConsumer(uint256 have, uint256 want);

    constructor(address admin, uint256 seed_) RolePausable(admin) {
        seed = seed_;
    }

    function setSeed(uint256 seed_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        seed = seed_;
        emit SeedChanged(seed_);
    }

    function requestRandomWords(
        bytes32 keyHash,
        uint64 subId,
        uint16 minimumRequestConfirmations,
        uint32 callbackGasLimit,
        uint32 numWords
    ) external whenNotPaused returns (uint256 requestId) {
        if (numWords == 0 || numWords > MAX_NUM_WORDS) revert InvalidNumWords(numWords);
        requestId = nextRequestId++;
        requests[requestId] = Request(msg.sender, callbackGasLimit, numWords);
        emit RandomWordsRequested(
            keyHash,
            requestId,
            requestId,
            subId,
            minimumRequestConfirmations,
            callbackGasLimit,
            numWords,
            msg.sender
        );
    }

    /// @notice Fulfils with words derived as keccak256(seed, requestId, index), then calls the consumer.
    function fulfillRandomWords(uint256 requestId, address consumer) external whenNotPaused {
        Request memory request = _takeRequest(requestId, consumer);
        uint256[] memory words = new uint256[](request.numWords);
        for (uint256 i = 0; i < words.length; i++) {
            words[i] = uint256(keccak256(abi.encode(seed, requestId, i)));
        }
        _deliver(requestId, request, words);
    }

    /// @notice Fulfils with caller-chosen words (tests and demos that need a specific outcome).
    function fulfillRandomWordsWithOverride(
        uint256 requestId,
        address consumer,
        uint256[] calldata words
    ) external whenNotPaused {
        Request memory request = _takeRequest(requestId, consumer);
        if (words.length != request.numWords) revert InvalidWordCount(request.numWords, words.length);
        _deliver(requestId, request, words);
    }

    function _takeRequest(uint256 requestId, address consumer) private returns (Request memory request) {
        request = requests[requestId];
        if (request.consumer == address(0)) revert UnknownRequest(requestId);
        if (request.consumer != consumer) revert WrongConsumer(requestId, request.consumer, consumer);
        delete requests[requestId];
    }

    function _deliver(uint256 requestId, Request memory request, uint256[] memory words) private {
        // Gas estimation must not starve the callback: without this check a low estimate makes it fail silently.
        uint256 want = (uint256(request.callbackGasLimit) * 64) / 63 + 10_000;
        if (gasleft() < want) revert InsufficientGasForConsumer(gasleft(), want);
        (bool success, ) = request.consumer.call{gas: request.callbackGasLimit}(
            abi.encodeCall(IVRFConsumer.rawFulfillRandomWords, (requestId, words))
        );
        emit RandomWordsFulfilled(requestId, requestId, 0, success);
    }
}
