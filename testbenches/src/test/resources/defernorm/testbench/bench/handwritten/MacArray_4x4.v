// Hand-written reference: the 4x4 MAC array with the bench design's ports, around MacArrayCore (MacArrayCore.v:
// column sums as 32-bit chains, or MacArrayCoreTree.v: as exact-width adder trees).
`timescale 1ns/1ps
`default_nettype none
module MacArray_4x4 (
    input wire clk,
    input wire rst,
    input wire [31:0] x_0,
    input wire x_valid,
    input wire clear,
    input wire w_we,
    input wire [1:0] w_row,
    input wire [31:0] w_data,
    output wire [31:0] acc_0,
    output wire [31:0] acc_1,
    output wire [31:0] acc_2,
    output wire [31:0] acc_3
);
    wire [7:0] x [0:3];
    wire [31:0] acc [0:3];
    assign x[0] = x_0[7:0], x[1] = x_0[15:8], x[2] = x_0[23:16], x[3] = x_0[31:24];
    assign acc_0 = acc[0], acc_1 = acc[1], acc_2 = acc[2], acc_3 = acc[3];
    MacArrayCore #(.P(4), .Q(4), .ROW_BITS(2)) core (
        .clk(clk), .rst(rst), .x(x), .x_valid(x_valid), .clear(clear),
        .w_we(w_we), .w_row(w_row), .w_data(w_data), .acc(acc)
    );
endmodule
`default_nettype wire
