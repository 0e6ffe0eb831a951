// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {RolePausable} from "./RolePausable.sol";

/// @notice Demo ERC-20 deployed three times (TRUST, TALLY, VOUCHER); minting is role-gated.
contract DemoToken is ERC20, RolePausable {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    constructor(string memory name_, string memory symbol_, address admin) ERC20(name_, symbol_) RolePausable(admin) {}

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @dev Every balance change (mint, transfer, burn) funnels through _update, so pausing here freezes them all.
    function _update(address from, address to, uint256 value) internal override whenNotPaused {
        super._update(from, to, value);
    }
}
