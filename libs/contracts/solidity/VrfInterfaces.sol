// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Chainlink VRF v2 coordinator surface used by consumers (same selector as the real coordinator).
interface IVRFCoordinator {
    function requestRandomWords(
        bytes32 keyHash,
        uint64 subId,
        uint16 minimumRequestConfirmations,
        uint32 callbackGasLimit,
        uint32 numWords
    ) external returns (uint256 requestId);
}

/// @notice Callback a coordinator invokes on the consumer (Chainlink's VRFConsumerBaseV2 entry point).
interface IVRFConsumer {
    function rawFulfillRandomWords(uint256 requestId, uint256[] memory randomWords) external;
}
