// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RolePausable} from "./RolePausable.sol";

/// @notice Test and benchmark fixture for indexers: emits ERC-20 `Transfer` events in bulk, without
/// balances, so one transaction carries hundreds of logs. Decode them with the DemoToken ABI.
contract TransferBurst is RolePausable {
    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(address admin) RolePausable(admin) {}

    /// @notice Emits `count` Transfers from `from` to `to`, with values `firstValue`, `firstValue + 1`, …
    function burst(address from, address to, uint256 count, uint256 firstValue) external whenNotPaused {
        for (uint256 i = 0; i < count; i++) {
            emit Transfer(from, to, firstValue + i);
        }
    }
}
